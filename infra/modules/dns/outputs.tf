output "app_fqdn" {
  description = "Name users reach the app at."
  value       = aws_route53_record.app.fqdn
}

output "bastion_fqdn" {
  description = "Name of the bastion."
  value       = aws_route53_record.bastion.fqdn
}
