variable "name" {
  description = "Name prefix of the deploy role, e.g. orderly-staging."
  type        = string
}

variable "environment" {
  description = "GitHub environment whose jobs may assume the deploy role."
  type        = string
}

variable "github_repository" {
  description = "GitHub repository as owner/name, allowed to assume the role through OIDC."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", var.github_repository))
    error_message = "github_repository must look like owner/name."
  }
}

variable "oidc_provider_arn" {
  description = "ARN of the token.actions.githubusercontent.com OIDC provider (created by infra/bootstrap)."
  type        = string
}

variable "artifacts_bucket_arn" {
  description = "ARN of the bucket the workflow uploads releases to."
  type        = string
}

variable "bastion_instance_arn" {
  description = "ARN of the bastion the workflow runs Ansible on through Run Command."
  type        = string
}

variable "zone_id" {
  description = "Route53 zone the workflow may update the bastion record in."
  type        = string
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
