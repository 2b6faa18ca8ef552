variable "bucket_name" {
  description = "Globally unique name of the bucket holding release tarballs and Ansible bundles."
  type        = string
}

variable "retention_days" {
  description = "Days a release tarball is kept; older releases can no longer be rolled back to from S3."
  type        = number
  default     = 180
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
