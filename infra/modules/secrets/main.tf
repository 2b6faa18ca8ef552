data "aws_region" "current" {}

data "aws_caller_identity" "current" {}

resource "aws_kms_key" "parameters" {
  description             = "Encrypts the runtime parameters of ${var.name}"
  enable_key_rotation     = true
  deletion_window_in_days = 30

  tags = var.tags
}

resource "aws_kms_alias" "parameters" {
  name          = "alias/${var.name}-parameters"
  target_key_id = aws_kms_key.parameters.key_id
}

resource "random_password" "jwt_secret" {
  length  = 64
  special = false
}

# /metrics answers only `Authorization: Bearer <METRICS_TOKEN>`; Prometheus reads the same parameter.
resource "random_password" "metrics_token" {
  length  = 48
  special = false
}

locals {
  runtime_parameters = {
    DATABASE_URL  = var.database_url
    JWT_SECRET    = random_password.jwt_secret.result
    METRICS_TOKEN = random_password.metrics_token.result
    REDIS_URL     = var.redis_url
  }
}

resource "aws_ssm_parameter" "runtime" {
  for_each = toset(["DATABASE_URL", "JWT_SECRET", "METRICS_TOKEN", "REDIS_URL"])

  name        = "${var.parameter_prefix}/${each.key}"
  description = "${each.key} of the Orderly API"
  type        = "SecureString"
  key_id      = aws_kms_key.parameters.arn
  value       = local.runtime_parameters[each.key]

  tags = var.tags
}
