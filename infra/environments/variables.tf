variable "region" {
  description = "AWS region the environment runs in."
  type        = string
}

variable "environment" {
  description = "Environment name: staging or production; picks <environment>.tfvars and .s3.tfbackend."
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
  description = "The two availability zones the environment spans."
  type        = list(string)
}

variable "single_nat_gateway" {
  description = "Share one NAT gateway between both private subnets."
  type        = bool
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
  description = "Fully qualified name of the app."
  type        = string
}

variable "bastion_domain" {
  description = "Fully qualified name of the bastion."
  type        = string
}

variable "certificate_arn" {
  description = "ARN of the ACM certificate for app_domain."
  type        = string
}

variable "app_instance_count" {
  description = "Number of app instances behind the ALB."
  type        = number
}

variable "app_instance_type" {
  description = "EC2 instance type of the app instances."
  type        = string
}

variable "deploy_ssh_public_key" {
  description = "OpenSSH public key installed on the app instances for deploys from the bastion."
  type        = string
}

variable "db_instance_class" {
  description = "RDS instance class."
  type        = string
}

variable "db_multi_az" {
  description = "Run RDS with a standby in the second availability zone."
  type        = bool
}

variable "db_backup_retention_days" {
  description = "Days RDS automated backups are kept."
  type        = number
}

variable "deletion_protection" {
  description = "Protect the ALB and RDS against deletion."
  type        = bool
}

variable "cache_node_type" {
  description = "ElastiCache node type."
  type        = string
}

variable "cache_replicas" {
  description = "ElastiCache replicas besides the primary."
  type        = number
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
