output "app_url" {
  description = "Public URL of the app."
  value       = module.orderly.app_url
}

output "bastion_instance_id" {
  description = "Instance the deploy workflow runs Ansible on."
  value       = module.orderly.bastion_instance_id
}

output "bastion_fqdn" {
  description = "DNS name of the bastion."
  value       = module.orderly.bastion_fqdn
}

output "app_instance_ids" {
  description = "IDs of the app instances."
  value       = module.orderly.app_instance_ids
}

output "app_private_ips" {
  description = "Private addresses of the app instances, for an inventory without the aws_ec2 plugin."
  value       = module.orderly.app_private_ips
}

output "artifacts_bucket" {
  description = "Bucket the deploy workflow uploads releases to."
  value       = module.orderly.artifacts_bucket
}

output "ssm_parameter_prefix" {
  description = "SSM path of DATABASE_URL, JWT_SECRET, METRICS_TOKEN and REDIS_URL."
  value       = module.orderly.ssm_parameter_prefix
}

output "metrics_token_parameter_name" {
  description = "SecureString holding METRICS_TOKEN: Prometheus scrapes /metrics with it as a bearer token."
  value       = module.orderly.metrics_token_parameter_name
}

output "deploy_key_parameter_name" {
  description = "SecureString an operator fills with the deploy SSH private key."
  value       = module.orderly.deploy_key_parameter_name
}

output "deploy_role_arn" {
  description = "Role the deploy workflow assumes through OIDC."
  value       = module.orderly.deploy_role_arn
}
