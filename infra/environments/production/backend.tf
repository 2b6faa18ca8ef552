terraform {
  backend "s3" {
    bucket         = "orderly-terraform-state"
    key            = "production/terraform.tfstate"
    region         = "eu-west-1"
    dynamodb_table = "orderly-terraform-locks"
    encrypt        = true
  }
}
