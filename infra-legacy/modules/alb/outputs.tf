output "dns_name" {
  description = "Public DNS name of the load balancer."
  value       = aws_lb.this.dns_name
}

output "zone_id" {
  description = "Hosted zone of the load balancer, for Route 53 alias records."
  value       = aws_lb.this.zone_id
}

output "arn_suffix" {
  description = "ARN suffix of the load balancer, the LoadBalancer dimension of its metrics."
  value       = aws_lb.this.arn_suffix
}

output "target_group_arns" {
  description = "Target group ARN per service."
  value       = { for key, group in aws_lb_target_group.service : key => group.arn }
}

output "target_group_arn_suffixes" {
  description = "Target group ARN suffix per service, the TargetGroup dimension of its metrics."
  value       = { for key, group in aws_lb_target_group.service : key => group.arn_suffix }
}
