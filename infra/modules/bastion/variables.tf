variable "name" {
  description = "Name prefix for the bastion and its IAM role, e.g. orderly-staging."
  type        = string
}

variable "environment" {
  description = "Environment name, written to the Environment tag."
  type        = string
}

variable "instance_type" {
  description = "EC2 instance type of the bastion."
  type        = string
  default     = "t3.micro"
}

variable "ami_id" {
  description = "AMI of the bastion; Debian 12, with Ansible installed from its packages."
  type        = string
}

variable "public_subnet_id" {
  description = "Public subnet the bastion is placed in."
  type        = string
}

variable "security_group_id" {
  description = "Security group of the bastion."
  type        = string
}

variable "key_name" {
  description = "Name of an EC2 key pair for operators' SSH, or null for Session Manager only."
  type        = string
  default     = null
}

variable "artifacts_bucket_arn" {
  description = "ARN of the bucket holding release tarballs and Ansible bundles the bastion downloads."
  type        = string
}

variable "deploy_key_parameter_arn" {
  description = "ARN of the SecureString holding the SSH private key the bastion uses to reach the app instances."
  type        = string
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
