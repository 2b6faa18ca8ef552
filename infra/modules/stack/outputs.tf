output "app_url" {
  description = "Public URL of the app."
  value       = "https://${module.dns.app_fqdn}"
}

output "alb_dns_name" {
  description = "DNS name of the load balancer."
  value       = module.alb.dns_name
}

output "bastion_instance_id" {
  description = "Instance the deploy workflow runs Ansible on."
  value       = module.bastion.instance_id
}

output "bastion_fqdn" {
  description = "DNS name of the bastion."
  value       = module.dns.bastion_fqdn
}

output "bastion_public_ip" {
  description = "Current public address of the bastion."
  value       = module.bastion.public_ip
}

output "app_instance_ids" {
  description = "IDs of the app instances."
  value       = module.app.instance_ids
}

output "app_private_ips" {
  description = "Private addresses of the app instances."
  value       = module.app.private_ips
}

output "artifacts_bucket" {
  description = "Bucket the deploy workflow uploads releases to."
  value       = module.artifacts.bucket_name
}

output "ssm_parameter_prefix" {
  description = "SSM path of DATABASE_URL, JWT_SECRET, METRICS_TOKEN and REDIS_URL."
  value       = "/orderly/${var.environment}"
}

output "metrics_token_parameter_name" {
  description = "SecureString holding METRICS_TOKEN: Prometheus scrapes /metrics with it as a bearer token."
  value       = module.secrets.parameter_names["METRICS_TOKEN"]
}

output "deploy_key_parameter_name" {
  description = "SecureString an operator fills with the deploy SSH private key."
  value       = module.secrets.deploy_key_parameter_name
}

output "deploy_role_arn" {
  description = "Role the deploy workflow assumes through OIDC."
  value       = module.ci_access.deploy_role_arn
}

output "database_address" {
  description = "Host name of the RDS endpoint."
  value       = module.database.address
}

output "redis_primary_endpoint" {
  description = "Host name of the Redis primary."
  value       = module.cache.primary_endpoint
}
