variable "zone_id" {
  description = "ID of the public Route53 hosted zone the records are created in."
  type        = string
}

variable "app_record_name" {
  description = "Fully qualified name users reach the app at, e.g. orderly.example.com."
  type        = string
}

variable "bastion_record_name" {
  description = "Fully qualified name of the bastion, e.g. bastion.staging.orderly.example.com."
  type        = string
}

variable "alb_dns_name" {
  description = "DNS name of the load balancer."
  type        = string
}

variable "alb_zone_id" {
  description = "Route53 zone of the load balancer."
  type        = string
}

variable "bastion_public_ip" {
  description = "Current public address of the bastion."
  type        = string
}

variable "bastion_ttl" {
  description = "TTL of the bastion record in seconds; short, since the address changes on stop/start."
  type        = number
  default     = 60
}
