output "alb_dns_name" {
  description = "Public DNS name of the load balancer; point clients or a Route 53 record here."
  value       = module.alb.dns_name
}

output "alb_zone_id" {
  description = "Hosted zone of the load balancer, for a Route 53 alias record."
  value       = module.alb.zone_id
}

output "ecr_repository_urls" {
  description = "Repository URL per image (api-gateway, product-service, inventory-service, postgres)."
  value       = module.ecr.repository_urls
}

output "cluster_name" {
  description = "ECS cluster, e.g. dev-cluster."
  value       = module.ecs.cluster_name
}

output "service_name" {
  description = "ECS service, e.g. dev-stockwiz; the pipeline forces new deployments of it."
  value       = module.ecs.service_name
}

output "database_secret_arn" {
  description = "Secrets Manager secret holding the database username and password."
  value       = module.ecs.database_secret_arn
}

output "alerts_topic_arn" {
  description = "SNS topic the alarms notify."
  value       = module.monitoring.alerts_topic_arn
}
