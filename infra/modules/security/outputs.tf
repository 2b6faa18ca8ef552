output "alb_security_group_id" {
  description = "Security group of the load balancer."
  value       = aws_security_group.alb.id
}

output "app_security_group_id" {
  description = "Security group of the app instances."
  value       = aws_security_group.app.id
}

output "bastion_security_group_id" {
  description = "Security group of the bastion."
  value       = aws_security_group.bastion.id
}

output "database_security_group_id" {
  description = "Security group of the RDS instance."
  value       = aws_security_group.database.id
}

output "cache_security_group_id" {
  description = "Security group of the ElastiCache replication group."
  value       = aws_security_group.cache.id
}
