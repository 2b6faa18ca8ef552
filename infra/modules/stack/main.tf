locals {
  name = "orderly-${var.environment}"
  tags = merge(var.tags, {
    Project     = "orderly"
    Environment = var.environment
    ManagedBy   = "terraform"
  })
  ami_id = coalesce(var.ami_id, data.aws_ami.debian.id)
}

data "aws_ami" "debian" {
  most_recent = true
  owners      = ["136693071363"] # Debian's official AWS account

  filter {
    name   = "name"
    values = ["debian-12-amd64-*"]
  }

  filter {
    name   = "architecture"
    values = ["x86_64"]
  }
}

module "network" {
  source = "../network"

  name               = local.name
  cidr_block         = var.vpc_cidr
  availability_zones = var.availability_zones
  single_nat_gateway = var.single_nat_gateway
  tags               = local.tags
}

module "security" {
  source = "../security"

  name            = local.name
  vpc_id          = module.network.vpc_id
  app_port        = 80
  admin_ssh_cidrs = var.admin_ssh_cidrs
  tags            = local.tags
}

module "artifacts" {
  source = "../artifacts"

  bucket_name = var.artifacts_bucket_name
  tags        = local.tags
}

module "database" {
  source = "../database"

  name                  = local.name
  private_subnet_ids    = module.network.private_subnet_ids
  security_group_id     = module.security.database_security_group_id
  instance_class        = var.db_instance_class
  multi_az              = var.db_multi_az
  backup_retention_days = var.db_backup_retention_days
  deletion_protection   = var.deletion_protection
  tags                  = local.tags
}

module "cache" {
  source = "../cache"

  name               = local.name
  private_subnet_ids = module.network.private_subnet_ids
  security_group_id  = module.security.cache_security_group_id
  node_type          = var.cache_node_type
  replicas           = var.cache_replicas
  tags               = local.tags
}

module "secrets" {
  source = "../secrets"

  name             = local.name
  parameter_prefix = "/orderly/${var.environment}"
  database_url     = module.database.connection_url
  redis_url        = module.cache.connection_url
  tags             = local.tags
}

resource "aws_key_pair" "deploy" {
  key_name   = "${local.name}-deploy"
  public_key = var.deploy_ssh_public_key

  tags = local.tags
}

module "app" {
  source = "../app"

  name                   = local.name
  environment            = var.environment
  instance_count         = var.app_instance_count
  instance_type          = var.app_instance_type
  ami_id                 = local.ami_id
  private_subnet_ids     = module.network.private_subnet_ids
  security_group_id      = module.security.app_security_group_id
  key_name               = aws_key_pair.deploy.key_name
  parameter_arns         = module.secrets.parameter_arns
  parameters_kms_key_arn = module.secrets.kms_key_arn
  tags                   = local.tags
}

module "bastion" {
  source = "../bastion"

  name                     = local.name
  environment              = var.environment
  instance_type            = var.bastion_instance_type
  ami_id                   = local.ami_id
  public_subnet_id         = module.network.public_subnet_ids[0]
  security_group_id        = module.security.bastion_security_group_id
  artifacts_bucket_arn     = module.artifacts.bucket_arn
  deploy_key_parameter_arn = module.secrets.deploy_key_parameter_arn
  tags                     = local.tags
}

module "alb" {
  source = "../alb"

  name                = local.name
  vpc_id              = module.network.vpc_id
  public_subnet_ids   = module.network.public_subnet_ids
  security_group_id   = module.security.alb_security_group_id
  certificate_arn     = var.certificate_arn
  idle_timeout        = var.alb_idle_timeout
  app_port            = 80
  target_instance_ids = module.app.instance_ids
  deletion_protection = var.deletion_protection
  tags                = local.tags
}

module "dns" {
  source = "../dns"

  zone_id             = var.zone_id
  app_record_name     = var.app_domain
  bastion_record_name = var.bastion_domain
  alb_dns_name        = module.alb.dns_name
  alb_zone_id         = module.alb.zone_id
  bastion_public_ip   = module.bastion.public_ip
}

module "ci_access" {
  source = "../ci_access"

  name                 = local.name
  environment          = var.environment
  github_repository    = var.github_repository
  oidc_provider_arn    = var.github_oidc_provider_arn
  artifacts_bucket_arn = module.artifacts.bucket_arn
  bastion_instance_arn = "arn:aws:ec2:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:instance/${module.bastion.instance_id}"
  zone_id              = var.zone_id
  tags                 = local.tags
}

data "aws_region" "current" {}

data "aws_caller_identity" "current" {}
