output "state_bucket" {
  description = "Bucket the environments' backend blocks point at."
  value       = aws_s3_bucket.state.id
}

output "lock_table" {
  description = "DynamoDB table the environments' backend blocks lock in."
  value       = aws_dynamodb_table.locks.name
}

output "github_oidc_provider_arn" {
  description = "Pass to the environments as github_oidc_provider_arn."
  value       = aws_iam_openid_connect_provider.github.arn
}

output "terraform_plan_role_arn" {
  description = "Role the infrastructure workflow assumes for plans on pull requests (secret AWS_PLAN_ROLE_ARN)."
  value       = aws_iam_role.terraform_plan.arn
}

output "terraform_apply_role_arn" {
  description = "Role the infrastructure workflow assumes for applies on main (secret AWS_APPLY_ROLE_ARN)."
  value       = aws_iam_role.terraform_apply.arn
}
