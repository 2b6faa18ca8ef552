variable "region" {
  description = "AWS region of the state bucket and lock table."
  type        = string
}

variable "state_bucket_name" {
  description = "Globally unique name of the S3 bucket holding every environment's Terraform state."
  type        = string
}

variable "lock_table_name" {
  description = "Name of the DynamoDB table Terraform takes state locks in."
  type        = string
  default     = "orderly-terraform-locks"
}

variable "github_repository" {
  description = "GitHub repository (owner/name) whose workflows plan and apply through OIDC."
  type        = string
}

variable "environments" {
  description = "GitHub environments whose jobs may apply; each is protected by required reviewers."
  type        = list(string)
  default     = ["staging", "production"]
}
