variable "name_prefix" {
  description = "Stage name: dev gives dev-cluster, dev-stockwiz, /ecs/dev and dev/stockwiz/database."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,20}$", var.name_prefix))
    error_message = "The name_prefix must be lowercase letters, digits or dashes."
  }
}

variable "image_tag" {
  description = "Tag of the four StockWiz images: the commit SHA they were built from."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", var.image_tag))
    error_message = "The image_tag must be a valid Docker tag."
  }
}

variable "repository_urls" {
  description = "ECR repository URL per image: api-gateway, product-service, inventory-service, postgres."
  type        = map(string)

  validation {
    condition     = alltrue([for name in ["api-gateway", "product-service", "inventory-service", "postgres"] : contains(keys(var.repository_urls), name)])
    error_message = "The repository_urls needs api-gateway, product-service, inventory-service and postgres."
  }
}

variable "app_services" {
  description = "Container port and target group per service, keyed by container name."
  type = map(object({
    port         = number
    target_group = string
  }))

  validation {
    condition     = toset(keys(var.app_services)) == toset(["api-gateway", "product-service", "inventory-service"])
    error_message = "The app_services must describe exactly api-gateway, product-service and inventory-service."
  }
}

variable "target_group_arns" {
  description = "Target group ARN per service; the service registers each container in its group."
  type        = map(string)
}

variable "subnet_ids" {
  description = "Private subnets the tasks run in."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) >= 1
    error_message = "The subnet_ids must not be empty."
  }
}

variable "security_group_id" {
  description = "Security group of the tasks (container ports from the ALB only)."
  type        = string
}

variable "task_cpu" {
  description = "Task CPU units; 2048 is 2 vCPU."
  type        = number
  default     = 2048

  validation {
    condition     = contains([256, 512, 1024, 2048, 4096, 8192, 16384], var.task_cpu)
    error_message = "The task_cpu must be a Fargate CPU size."
  }
}

variable "task_memory" {
  description = "Task memory in MiB; must fit the CPU size."
  type        = number
  default     = 4096

  validation {
    condition     = var.task_memory >= 512 && var.task_memory <= 122880 && var.task_memory % 512 == 0
    error_message = "The task_memory must be a Fargate memory size in MiB."
  }
}

variable "desired_count" {
  description = "Tasks started before autoscaling takes over."
  type        = number
  default     = 1

  validation {
    condition     = var.desired_count >= 1
    error_message = "The desired_count must be at least 1."
  }
}

variable "autoscaling" {
  description = "Task count bounds and the CPU and memory utilisation targets (percent)."
  type = object({
    min_capacity          = number
    max_capacity          = number
    cpu_target_percent    = number
    memory_target_percent = number
  })
  default = {
    min_capacity          = 1
    max_capacity          = 4
    cpu_target_percent    = 70
    memory_target_percent = 80
  }

  validation {
    condition     = var.autoscaling.min_capacity >= 1 && var.autoscaling.min_capacity <= var.autoscaling.max_capacity
    error_message = "The autoscaling needs 1 <= min_capacity <= max_capacity."
  }
}

variable "log_retention_days" {
  description = "Days the container logs are kept."
  type        = number
  default     = 7

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365], var.log_retention_days)
    error_message = "The log_retention_days must be a CloudWatch Logs retention value."
  }
}

variable "database_name" {
  description = "Database the postgres container creates and the services use."
  type        = string
  default     = "microservices_db"

  validation {
    condition     = can(regex("^[a-z_][a-z0-9_]{0,62}$", var.database_name))
    error_message = "The database_name must be a plain PostgreSQL identifier."
  }
}

variable "database_user" {
  description = "Database user; its password is generated into Secrets Manager, never set here."
  type        = string
  default     = "postgres"

  validation {
    condition     = can(regex("^[a-z_][a-z0-9_]{0,62}$", var.database_user))
    error_message = "The database_user must be a plain PostgreSQL identifier."
  }
}

variable "redis_image" {
  description = "Image of the Redis cache container."
  type        = string
  default     = "public.ecr.aws/docker/library/redis:7.4-alpine"

  validation {
    condition     = can(regex("^[a-z0-9./-]+:[A-Za-z0-9_.-]+$", var.redis_image))
    error_message = "The redis_image must name an image with an explicit tag."
  }
}

variable "stop_timeout_seconds" {
  description = "SIGTERM to SIGKILL for every container; the services drain within 10 s."
  type        = number
  default     = 15

  validation {
    condition     = var.stop_timeout_seconds >= 1 && var.stop_timeout_seconds <= 120
    error_message = "Fargate allows a stop timeout of 1-120 seconds."
  }
}

variable "health_check_grace_period_seconds" {
  description = "Seconds the ALB health checks are ignored after a task starts (migrations run first)."
  type        = number
  default     = 300

  validation {
    condition     = var.health_check_grace_period_seconds >= 0 && var.health_check_grace_period_seconds <= 2147483647
    error_message = "The health_check_grace_period_seconds must not be negative."
  }
}
