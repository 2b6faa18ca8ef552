variable "name" {
  description = "Identifier prefix of the RDS instance, e.g. orderly-staging."
  type        = string
}

variable "private_subnet_ids" {
  description = "Private subnets, in two availability zones, the database may be placed in."
  type        = list(string)
}

variable "security_group_id" {
  description = "Security group of the database."
  type        = string
}

variable "engine_version" {
  description = "PostgreSQL major version."
  type        = string
  default     = "16"
}

variable "instance_class" {
  description = "RDS instance class."
  type        = string
  default     = "db.t4g.small"
}

variable "allocated_storage" {
  description = "Initial storage in GiB."
  type        = number
  default     = 20
}

variable "max_allocated_storage" {
  description = "Upper bound in GiB for storage autoscaling."
  type        = number
  default     = 100
}

variable "multi_az" {
  description = "Keep a synchronous standby in the second availability zone."
  type        = bool
  default     = false
}

variable "backup_retention_days" {
  description = "Days automated backups and point-in-time recovery are kept."
  type        = number
  default     = 7

  validation {
    condition     = var.backup_retention_days >= 1 && var.backup_retention_days <= 35
    error_message = "Automated backups stay on: retention must be between 1 and 35 days."
  }
}

variable "database_name" {
  description = "Name of the application database."
  type        = string
  default     = "orderly"
}

variable "master_username" {
  description = "Master user name; its password is generated and only stored in state and SSM."
  type        = string
  default     = "orderly"
}

variable "deletion_protection" {
  description = "Refuse to delete the instance through the API."
  type        = bool
  default     = true
}

variable "ca_bundle_path" {
  description = "Path of the RDS CA bundle on the app instances (installed by the orderly_release role), for sslrootcert."
  type        = string
  default     = "/etc/ssl/certs/rds-global-bundle.pem"
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
