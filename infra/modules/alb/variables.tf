variable "name" {
  description = "Name prefix for the load balancer and its target group (at most 26 characters)."
  type        = string

  validation {
    condition     = length(var.name) <= 26
    error_message = "ALB and target group names are limited to 32 characters including suffixes."
  }
}

variable "vpc_id" {
  description = "ID of the VPC the target group lives in."
  type        = string
}

variable "public_subnet_ids" {
  description = "Public subnets, one per availability zone, the load balancer is placed in."
  type        = list(string)
}

variable "security_group_id" {
  description = "Security group of the load balancer."
  type        = string
}

variable "certificate_arn" {
  description = "ARN of the ACM certificate served by the HTTPS listener."
  type        = string

  validation {
    condition     = can(regex("^arn:aws:acm:", var.certificate_arn))
    error_message = "certificate_arn must be an ACM certificate ARN."
  }
}

variable "ssl_policy" {
  description = "TLS security policy of the HTTPS listener."
  type        = string
  default     = "ELBSecurityPolicy-TLS13-1-2-2021-06"
}

variable "idle_timeout" {
  description = "Seconds an idle connection stays open; long so GraphQL WebSocket subscriptions are not cut."
  type        = number
  default     = 3600

  validation {
    condition     = var.idle_timeout >= 300 && var.idle_timeout <= 4000
    error_message = "idle_timeout must be between 300 and 4000 seconds to keep WebSockets open."
  }
}

variable "app_port" {
  description = "Port nginx listens on on the app instances."
  type        = number
  default     = 80
}

variable "health_check_path" {
  description = "Path the target group probes; readiness, so an instance without a database is taken out."
  type        = string
  default     = "/readyz"
}

variable "deregistration_delay" {
  description = "Seconds a deregistered instance keeps serving in-flight requests."
  type        = number
  default     = 30
}

variable "target_instance_ids" {
  description = "IDs of the app instances registered in the target group."
  type        = list(string)
}

variable "deletion_protection" {
  description = "Refuse to delete the load balancer through the API."
  type        = bool
  default     = true
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
