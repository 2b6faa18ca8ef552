output "parameter_arns" {
  description = "ARNs of the DATABASE_URL, JWT_SECRET, METRICS_TOKEN and REDIS_URL parameters."
  value       = [for parameter in aws_ssm_parameter.runtime : parameter.arn]
}

output "parameter_names" {
  description = "Names of the runtime parameters, keyed by environment variable."
  value       = { for key, parameter in aws_ssm_parameter.runtime : key => parameter.name }
}

output "kms_key_arn" {
  description = "ARN of the KMS key the parameters are encrypted with."
  value       = aws_kms_key.parameters.arn
}

output "deploy_key_parameter_name" {
  description = "Name of the SecureString an operator fills with the bastion's SSH private key (kept out of Terraform state)."
  value       = "${var.parameter_prefix}/deploy/ssh-private-key"
}

output "deploy_key_parameter_arn" {
  description = "ARN of the deploy key parameter."
  value       = "arn:aws:ssm:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:parameter${var.parameter_prefix}/deploy/ssh-private-key"
}
