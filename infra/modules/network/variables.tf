variable "name" {
  description = "Name prefix for every resource, e.g. orderly-staging."
  type        = string
}

variable "cidr_block" {
  description = "IPv4 CIDR block of the VPC."
  type        = string

  validation {
    condition     = can(cidrhost(var.cidr_block, 0))
    error_message = "cidr_block must be a valid IPv4 CIDR block."
  }
}

variable "availability_zones" {
  description = "Exactly two availability zones; one public and one private subnet is created in each."
  type        = list(string)

  validation {
    condition     = length(var.availability_zones) == 2
    error_message = "The VPC spans exactly two availability zones."
  }
}

variable "single_nat_gateway" {
  description = "Share one NAT gateway between both private subnets (cheaper, but egress depends on one zone)."
  type        = bool
  default     = false
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
