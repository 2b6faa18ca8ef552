output "instance_ids" {
  description = "IDs of the app instances."
  value       = aws_instance.app[*].id
}

output "private_ips" {
  description = "Private addresses of the app instances, reached from the bastion."
  value       = aws_instance.app[*].private_ip
}

output "role_arn" {
  description = "ARN of the instance role of the app instances."
  value       = aws_iam_role.app.arn
}
