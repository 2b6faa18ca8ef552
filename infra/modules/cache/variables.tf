variable "name" {
  description = "Identifier of the replication group, e.g. orderly-staging."
  type        = string
}

variable "private_subnet_ids" {
  description = "Private subnets the cache nodes may be placed in."
  type        = list(string)
}

variable "security_group_id" {
  description = "Security group of the cache."
  type        = string
}

variable "node_type" {
  description = "ElastiCache node type."
  type        = string
  default     = "cache.t4g.small"
}

variable "engine_version" {
  description = "Redis engine version."
  type        = string
  default     = "7.1"
}

variable "replicas" {
  description = "Read replicas besides the primary; at least one enables automatic failover across zones."
  type        = number
  default     = 1

  validation {
    condition     = var.replicas >= 0 && var.replicas <= 5
    error_message = "replicas must be between 0 and 5."
  }
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
