# Partial configuration: one root, one state per environment. The state key comes from the
# environment's backend file: terraform init -reconfigure -backend-config=<environment>.s3.tfbackend
terraform {
  backend "s3" {
    bucket         = "orderly-terraform-state"
    region         = "eu-west-1"
    dynamodb_table = "orderly-terraform-locks"
    encrypt        = true
  }
}
