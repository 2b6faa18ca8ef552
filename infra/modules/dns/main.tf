resource "aws_route53_record" "app" {
  zone_id = var.zone_id
  name    = var.app_record_name
  type    = "A"

  alias {
    name                   = var.alb_dns_name
    zone_id                = var.alb_zone_id
    evaluate_target_health = true
  }
}

# The deploy workflow UPSERTs the same record when the address changed between applies;
# Terraform then finds it already current.
resource "aws_route53_record" "bastion" {
  zone_id = var.zone_id
  name    = var.bastion_record_name
  type    = "A"
  ttl     = var.bastion_ttl
  records = [var.bastion_public_ip]
}
