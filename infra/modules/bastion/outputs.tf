output "instance_id" {
  description = "ID of the bastion instance, the target of the deploy workflow's Run Command."
  value       = aws_instance.bastion.id
}

output "public_ip" {
  description = "Current public address of the bastion."
  value       = aws_instance.bastion.public_ip
}

output "role_arn" {
  description = "ARN of the bastion's instance role."
  value       = aws_iam_role.bastion.arn
}
