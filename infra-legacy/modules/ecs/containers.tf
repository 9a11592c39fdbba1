# The five containers of the StockWiz task, written out one by one so that a
# reviewer (and tests/infra-legacy) reads exactly what ECS receives.
locals {
  # The services wait until both data stores answer: they migrate and connect on start.
  data_stores_healthy = [
    { containerName = "postgres", condition = "HEALTHY" },
    { containerName = "redis", condition = "HEALTHY" },
  ]

  # Injected by the ECS agent from Secrets Manager; never plain environment values.
  app_secrets = [
    { name = "DB_USER", valueFrom = "${aws_secretsmanager_secret.database.arn}:username::" },
    { name = "DB_PASSWORD", valueFrom = "${aws_secretsmanager_secret.database.arn}:password::" },
  ]

  postgres = {
    name         = "postgres"
    image        = "${var.repository_urls["postgres"]}:${var.image_tag}"
    essential    = true
    portMappings = [{ containerPort = 5432, protocol = "tcp" }]
    environment = [
      { name = "POSTGRES_DB", value = var.database_name },
      { name = "POSTGRES_USER", value = var.database_user },
    ]
    secrets = [
      { name = "POSTGRES_PASSWORD", valueFrom = "${aws_secretsmanager_secret.database.arn}:password::" },
    ]
    healthCheck = {
      command     = ["CMD-SHELL", "pg_isready -h 127.0.0.1 -U ${var.database_user} -d ${var.database_name}"]
      interval    = 10
      timeout     = 5
      retries     = 5
      startPeriod = 30
    }
    stopTimeout = var.stop_timeout_seconds
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = aws_cloudwatch_log_group.this.name
        awslogs-region        = data.aws_region.current.name
        awslogs-stream-prefix = "postgres"
      }
    }
  }

  redis = {
    name         = "redis"
    image        = var.redis_image
    essential    = true
    portMappings = [{ containerPort = 6379, protocol = "tcp" }]
    healthCheck = {
      command     = ["CMD", "redis-cli", "ping"]
      interval    = 10
      timeout     = 5
      retries     = 5
      startPeriod = 10
    }
    stopTimeout = var.stop_timeout_seconds
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = aws_cloudwatch_log_group.this.name
        awslogs-region        = data.aws_region.current.name
        awslogs-stream-prefix = "redis"
      }
    }
  }

  api_gateway = {
    name         = "api-gateway"
    image        = "${var.repository_urls["api-gateway"]}:${var.image_tag}"
    essential    = true
    portMappings = [{ containerPort = var.app_services["api-gateway"].port, protocol = "tcp" }]
    dependsOn    = local.data_stores_healthy
    secrets      = local.app_secrets
    environment = [
      { name = "NODE_ENV", value = "production" },
      # A small V8 heap: the young generation at 8 MiB, a 512 MiB old-space limit (issue 16;
      # stacks/config/service-environment.ts, serviceNodeOptions).
      { name = "NODE_OPTIONS", value = "--max-semi-space-size=4 --max-old-space-size=512" },
      { name = "DB_HOST", value = "localhost" },
      { name = "DB_PORT", value = "5432" },
      { name = "DB_NAME", value = var.database_name },
      { name = "REDIS_URL", value = "redis://localhost:6379" },
      { name = "PRODUCT_SERVICE_URL", value = "http://localhost:${var.app_services["product-service"].port}" },
      { name = "INVENTORY_SERVICE_URL", value = "http://localhost:${var.app_services["inventory-service"].port}" },
      { name = "PORT", value = tostring(var.app_services["api-gateway"].port) },
      # A request line for failures, slow requests and 1 % of the successes: the ALB's access
      # log already holds every request (stacks/config/stage-config.ts, requestLog).
      { name = "LOG_SUCCESS_SAMPLE_RATE", value = "0.01" },
      { name = "LOG_SLOW_REQUEST_MS", value = "1000" },
      # One process: a second measured no faster on the task's shared vCPUs (stacks/config/stage-config.ts).
      { name = "SERVER_PROCESSES", value = "1" },
      # One trusted hop: the ALB appends the client's address to X-Forwarded-For.
      { name = "TRUST_PROXY_HOPS", value = "1" },
    ]
    # The images ship no curl, but node has fetch.
    healthCheck = {
      command     = ["CMD", "node", "-e", "fetch('http://127.0.0.1:${var.app_services["api-gateway"].port}/health').then((r)=>process.exit(r.ok?0:1),()=>process.exit(1))"]
      interval    = 15
      timeout     = 5
      retries     = 3
      startPeriod = 60
    }
    stopTimeout = var.stop_timeout_seconds
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = aws_cloudwatch_log_group.this.name
        awslogs-region        = data.aws_region.current.name
        awslogs-stream-prefix = "api-gateway"
      }
    }
  }

  product_service = {
    name         = "product-service"
    image        = "${var.repository_urls["product-service"]}:${var.image_tag}"
    essential    = true
    portMappings = [{ containerPort = var.app_services["product-service"].port, protocol = "tcp" }]
    dependsOn    = local.data_stores_healthy
    secrets      = local.app_secrets
    environment = [
      { name = "NODE_ENV", value = "production" },
      # A small V8 heap: the young generation at 8 MiB, a 512 MiB old-space limit (issue 16;
      # stacks/config/service-environment.ts, serviceNodeOptions).
      { name = "NODE_OPTIONS", value = "--max-semi-space-size=4 --max-old-space-size=512" },
      { name = "DB_HOST", value = "localhost" },
      { name = "DB_PORT", value = "5432" },
      { name = "DB_NAME", value = var.database_name },
      { name = "REDIS_URL", value = "redis://localhost:6379" },
      { name = "PRODUCT_SERVICE_URL", value = "http://localhost:${var.app_services["product-service"].port}" },
      { name = "INVENTORY_SERVICE_URL", value = "http://localhost:${var.app_services["inventory-service"].port}" },
      { name = "PORT", value = tostring(var.app_services["product-service"].port) },
      # A request line for failures, slow requests and 1 % of the successes: the ALB's access
      # log already holds every request (stacks/config/stage-config.ts, requestLog).
      { name = "LOG_SUCCESS_SAMPLE_RATE", value = "0.01" },
      { name = "LOG_SLOW_REQUEST_MS", value = "1000" },
      { name = "SERVER_PROCESSES", value = "1" },
    ]
    # The images ship no curl, but node has fetch.
    healthCheck = {
      command     = ["CMD", "node", "-e", "fetch('http://127.0.0.1:${var.app_services["product-service"].port}/health').then((r)=>process.exit(r.ok?0:1),()=>process.exit(1))"]
      interval    = 15
      timeout     = 5
      retries     = 3
      startPeriod = 60
    }
    stopTimeout = var.stop_timeout_seconds
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = aws_cloudwatch_log_group.this.name
        awslogs-region        = data.aws_region.current.name
        awslogs-stream-prefix = "product-service"
      }
    }
  }

  inventory_service = {
    name         = "inventory-service"
    image        = "${var.repository_urls["inventory-service"]}:${var.image_tag}"
    essential    = true
    portMappings = [{ containerPort = var.app_services["inventory-service"].port, protocol = "tcp" }]
    dependsOn    = local.data_stores_healthy
    secrets      = local.app_secrets
    environment = [
      { name = "NODE_ENV", value = "production" },
      # A small V8 heap: the young generation at 8 MiB, a 512 MiB old-space limit (issue 16;
      # stacks/config/service-environment.ts, serviceNodeOptions).
      { name = "NODE_OPTIONS", value = "--max-semi-space-size=4 --max-old-space-size=512" },
      { name = "DB_HOST", value = "localhost" },
      { name = "DB_PORT", value = "5432" },
      { name = "DB_NAME", value = var.database_name },
      { name = "REDIS_URL", value = "redis://localhost:6379" },
      { name = "PRODUCT_SERVICE_URL", value = "http://localhost:${var.app_services["product-service"].port}" },
      { name = "INVENTORY_SERVICE_URL", value = "http://localhost:${var.app_services["inventory-service"].port}" },
      { name = "PORT", value = tostring(var.app_services["inventory-service"].port) },
      # A request line for failures, slow requests and 1 % of the successes: the ALB's access
      # log already holds every request (stacks/config/stage-config.ts, requestLog).
      { name = "LOG_SUCCESS_SAMPLE_RATE", value = "0.01" },
      { name = "LOG_SLOW_REQUEST_MS", value = "1000" },
      { name = "SERVER_PROCESSES", value = "1" },
      { name = "STOCK_EVENTS_TOPIC_ARN", value = aws_sns_topic.stock_events.arn },
    ]
    # The images ship no curl, but node has fetch.
    healthCheck = {
      command     = ["CMD", "node", "-e", "fetch('http://127.0.0.1:${var.app_services["inventory-service"].port}/health').then((r)=>process.exit(r.ok?0:1),()=>process.exit(1))"]
      interval    = 15
      timeout     = 5
      retries     = 3
      startPeriod = 60
    }
    stopTimeout = var.stop_timeout_seconds
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = aws_cloudwatch_log_group.this.name
        awslogs-region        = data.aws_region.current.name
        awslogs-stream-prefix = "inventory-service"
      }
    }
  }

  container_definitions = [local.postgres, local.redis, local.api_gateway, local.product_service, local.inventory_service]
}
