output "repository_urls" {
  description = "Repository URL per suffix (api-gateway, product-service, inventory-service, postgres)."
  value       = { for suffix, repository in aws_ecr_repository.this : suffix => repository.repository_url }
}

output "repository_names" {
  description = "Repository name per suffix."
  value       = { for suffix, repository in aws_ecr_repository.this : suffix => repository.name }
}
