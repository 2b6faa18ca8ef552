variable "name" {
  description = "Name prefix for every security group, e.g. orderly-staging."
  type        = string
}

variable "vpc_id" {
  description = "ID of the VPC the security groups belong to."
  type        = string
}

variable "app_port" {
  description = "Port nginx listens on on the app instances; the ALB forwards to it."
  type        = number
  default     = 80
}

variable "admin_ssh_cidrs" {
  description = "Operator networks allowed to SSH to the bastion. Empty means Session Manager only. Never 0.0.0.0/0."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for cidr in var.admin_ssh_cidrs : can(cidrhost(cidr, 0)) && !contains(["0.0.0.0/0", "::/0"], cidr)])
    error_message = "admin_ssh_cidrs must hold valid CIDR blocks and never 0.0.0.0/0 or ::/0."
  }
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
