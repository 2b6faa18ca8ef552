variable "name" {
  description = "Name prefix for the instances and their IAM role, e.g. orderly-staging."
  type        = string
}

variable "environment" {
  description = "Environment name, written to the Environment tag the Ansible inventory filters on."
  type        = string
}

variable "instance_count" {
  description = "Number of app instances, spread over the private subnets."
  type        = number
  default     = 2

  validation {
    condition     = var.instance_count >= 2
    error_message = "At least two app instances keep the service up while one is deployed."
  }
}

variable "instance_type" {
  description = "EC2 instance type of the app instances."
  type        = string
  default     = "t3.small"
}

variable "ami_id" {
  description = "AMI of the app instances; a Debian 12 image, as the Ansible roles use apt."
  type        = string
}

variable "private_subnet_ids" {
  description = "Private subnets the instances are spread over."
  type        = list(string)
}

variable "security_group_id" {
  description = "Security group of the app instances."
  type        = string
}

variable "key_name" {
  description = "Name of the EC2 key pair whose private half the bastion uses for Ansible."
  type        = string
}

variable "root_volume_size" {
  description = "Size of the encrypted root volume in GiB."
  type        = number
  default     = 20
}

variable "parameter_arns" {
  description = "ARNs of the SSM parameters the instances may read (DATABASE_URL, JWT_SECRET, METRICS_TOKEN, REDIS_URL)."
  type        = list(string)
}

variable "parameters_kms_key_arn" {
  description = "ARN of the KMS key the SecureString parameters are encrypted with."
  type        = string
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
