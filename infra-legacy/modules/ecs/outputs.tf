output "cluster_name" {
  description = "Name of the ECS cluster."
  value       = aws_ecs_cluster.this.name
}

output "service_name" {
  description = "Name of the ECS service."
  value       = aws_ecs_service.this.name
}

output "task_definition_arn" {
  description = "ARN of the current task definition revision."
  value       = aws_ecs_task_definition.this.arn
}

output "log_group_name" {
  description = "CloudWatch log group of every container."
  value       = aws_cloudwatch_log_group.this.name
}

output "database_secret_arn" {
  description = "Secret with the database username and password."
  value       = aws_secretsmanager_secret.database.arn
}
