output "deploy_role_arn" {
  description = "ARN of the role the deploy and rollback workflows assume."
  value       = aws_iam_role.deploy.arn
}
