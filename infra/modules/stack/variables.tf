variable "environment" {
  description = "Environment name: staging or production."
  type        = string

  validation {
    condition     = contains(["staging", "production"], var.environment)
    error_message = "environment must be staging or production."
  }
}

variable "vpc_cidr" {
  description = "IPv4 CIDR block of the VPC."
  type        = string
}

variable "availability_zones" {
  description = "The two availability zones the stack spans."
  type        = list(string)
}

variable "single_nat_gateway" {
  description = "Share one NAT gateway between both private subnets."
  type        = bool
  default     = false
}

variable "admin_ssh_cidrs" {
  description = "Operator networks allowed to SSH to the bastion; empty for Session Manager only."
  type        = list(string)
  default     = []
}

variable "zone_id" {
  description = "ID of the public Route53 hosted zone."
  type        = string
}

variable "app_domain" {
  description = "Fully qualified name of the app, e.g. orderly.example.com."
  type        = string
}

variable "bastion_domain" {
  description = "Fully qualified name of the bastion."
  type        = string
}

variable "certificate_arn" {
  description = "ARN of the ACM certificate for app_domain, served by the ALB."
  type        = string
}

variable "alb_idle_timeout" {
  description = "ALB idle timeout in seconds; long enough for GraphQL WebSocket subscriptions."
  type        = number
  default     = 3600
}

variable "ami_id" {
  description = "AMI for the app instances and the bastion; null picks the latest official Debian 12 image."
  type        = string
  default     = null
}

variable "app_instance_count" {
  description = "Number of app instances behind the ALB (at least two)."
  type        = number
  default     = 2
}

variable "app_instance_type" {
  description = "EC2 instance type of the app instances."
  type        = string
  default     = "t3.small"
}

variable "bastion_instance_type" {
  description = "EC2 instance type of the bastion."
  type        = string
  default     = "t3.micro"
}

variable "deploy_ssh_public_key" {
  description = "OpenSSH public key installed on the app instances; its private half is kept in SSM for the bastion."
  type        = string

  validation {
    condition     = can(regex("^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp256) ", var.deploy_ssh_public_key))
    error_message = "deploy_ssh_public_key must be an OpenSSH public key."
  }
}

variable "db_instance_class" {
  description = "RDS instance class."
  type        = string
  default     = "db.t4g.small"
}

variable "db_multi_az" {
  description = "Run RDS with a standby in the second availability zone."
  type        = bool
  default     = false
}

variable "db_backup_retention_days" {
  description = "Days RDS automated backups are kept."
  type        = number
  default     = 7
}

variable "deletion_protection" {
  description = "Protect the ALB and RDS against deletion."
  type        = bool
  default     = true
}

variable "cache_node_type" {
  description = "ElastiCache node type."
  type        = string
  default     = "cache.t4g.small"
}

variable "cache_replicas" {
  description = "ElastiCache replicas besides the primary."
  type        = number
  default     = 1
}

variable "artifacts_bucket_name" {
  description = "Globally unique name of the bucket for release tarballs."
  type        = string
}

variable "github_repository" {
  description = "GitHub repository (owner/name) whose deploy jobs may assume the deploy role."
  type        = string
}

variable "github_oidc_provider_arn" {
  description = "ARN of the GitHub OIDC provider, an output of infra/bootstrap."
  type        = string
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
