# The one root for every environment, fed by per-environment files (as terraform-aws-modules'
# examples are): <environment>.tfvars for the values, <environment>.s3.tfbackend for the state key.
#   terraform init -reconfigure -backend-config=staging.s3.tfbackend
#   terraform plan -var-file=staging.tfvars
provider "aws" {
  region = var.region

  default_tags {
    tags = {
      Project     = "orderly"
      Environment = var.environment
    }
  }
}

module "orderly" {
  source = "../modules/stack"

  environment              = var.environment
  vpc_cidr                 = var.vpc_cidr
  availability_zones       = var.availability_zones
  single_nat_gateway       = var.single_nat_gateway
  admin_ssh_cidrs          = var.admin_ssh_cidrs
  zone_id                  = var.zone_id
  app_domain               = var.app_domain
  bastion_domain           = var.bastion_domain
  certificate_arn          = var.certificate_arn
  app_instance_count       = var.app_instance_count
  app_instance_type        = var.app_instance_type
  deploy_ssh_public_key    = var.deploy_ssh_public_key
  db_instance_class        = var.db_instance_class
  db_multi_az              = var.db_multi_az
  db_backup_retention_days = var.db_backup_retention_days
  deletion_protection      = var.deletion_protection
  cache_node_type          = var.cache_node_type
  cache_replicas           = var.cache_replicas
  artifacts_bucket_name    = var.artifacts_bucket_name
  github_repository        = var.github_repository
  github_oidc_provider_arn = var.github_oidc_provider_arn
}
