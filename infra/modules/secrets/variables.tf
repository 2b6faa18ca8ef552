variable "name" {
  description = "Name prefix for the KMS key alias, e.g. orderly-staging."
  type        = string
}

variable "parameter_prefix" {
  description = "SSM path the runtime parameters live under, e.g. /orderly/staging."
  type        = string

  validation {
    condition     = can(regex("^/[A-Za-z0-9_./-]+[^/]$", var.parameter_prefix))
    error_message = "parameter_prefix must start with / and not end with /."
  }
}

variable "database_url" {
  description = "Value of DATABASE_URL, built from the RDS outputs."
  type        = string
  sensitive   = true
}

variable "redis_url" {
  description = "Value of REDIS_URL, built from the ElastiCache outputs."
  type        = string
  sensitive   = true
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
