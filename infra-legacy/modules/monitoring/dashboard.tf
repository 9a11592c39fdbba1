data "aws_region" "current" {}

locals {
  alb_dimension  = ["LoadBalancer", var.load_balancer_arn_suffix]
  ecs_dimensions = ["ClusterName", var.cluster_name, "ServiceName", var.service_name]
  alarm_arns = concat(
    [aws_cloudwatch_metric_alarm.cpu_high.arn, aws_cloudwatch_metric_alarm.memory_high.arn],
    [for alarm in aws_cloudwatch_metric_alarm.unhealthy_hosts : alarm.arn],
    [aws_cloudwatch_metric_alarm.target_5xx.arn],
  )
}

# The legacy dashboard name; the widgets follow the SST Monitoring stack's,
# without the synthetic check that only SST runs.
resource "aws_cloudwatch_dashboard" "this" {
  dashboard_name = "${var.name_prefix}-stockwiz-dashboard"
  dashboard_body = jsonencode({
    start = "-PT6H"
    widgets = [
      {
        type       = "alarm"
        x          = 0
        y          = 0
        width      = 24
        height     = 3
        properties = { title = "Alarms", alarms = local.alarm_arns }
      },
      {
        type   = "metric"
        x      = 0
        y      = 3
        width  = 8
        height = 6
        properties = {
          title  = "Requests and target 5xx"
          region = data.aws_region.current.name
          period = var.period_seconds
          stat   = "Sum"
          metrics = [
            concat(["AWS/ApplicationELB", "RequestCount"], local.alb_dimension),
            concat(["AWS/ApplicationELB", "HTTPCode_Target_5XX_Count"], local.alb_dimension, [{ yAxis = "right" }]),
          ]
        }
      },
      {
        type   = "metric"
        x      = 8
        y      = 3
        width  = 8
        height = 6
        properties = {
          title  = "Service CPU and memory (%)"
          region = data.aws_region.current.name
          period = var.period_seconds
          stat   = "Average"
          metrics = [
            concat(["AWS/ECS", "CPUUtilization"], local.ecs_dimensions),
            concat(["AWS/ECS", "MemoryUtilization"], local.ecs_dimensions),
          ]
        }
      },
      {
        type   = "metric"
        x      = 16
        y      = 3
        width  = 8
        height = 6
        properties = {
          title  = "Target response time (p95)"
          region = data.aws_region.current.name
          period = var.period_seconds
          stat   = "p95"
          metrics = [
            concat(["AWS/ApplicationELB", "TargetResponseTime"], local.alb_dimension),
          ]
        }
      },
      {
        type   = "metric"
        x      = 0
        y      = 9
        width  = 24
        height = 6
        properties = {
          title  = "Healthy / unhealthy targets"
          region = data.aws_region.current.name
          period = var.period_seconds
          stat   = "Maximum"
          metrics = concat(
            [for key, suffix in var.target_group_arn_suffixes : ["AWS/ApplicationELB", "HealthyHostCount", "TargetGroup", suffix, "LoadBalancer", var.load_balancer_arn_suffix]],
            [for key, suffix in var.target_group_arn_suffixes : ["AWS/ApplicationELB", "UnHealthyHostCount", "TargetGroup", suffix, "LoadBalancer", var.load_balancer_arn_suffix, { yAxis = "right" }]],
          )
        }
      },
    ]
  })
}
