data "aws_iam_policy_document" "ecs_tasks_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
  }
}

# Execution role: what the ECS agent needs to start the task (pull, log, read the secret).
resource "aws_iam_role" "execution" {
  name_prefix        = "${var.name_prefix}-stockwiz-exec-"
  description        = "${var.name_prefix}-stockwiz: pull images, write logs, read the task's secrets"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

resource "aws_iam_role_policy_attachment" "execution" {
  role       = aws_iam_role.execution.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

data "aws_iam_policy_document" "read_database_secret" {
  statement {
    actions   = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
    resources = [aws_secretsmanager_secret.database.arn]
  }
}

resource "aws_iam_role_policy" "execution_secrets" {
  name   = "read-database-secret"
  role   = aws_iam_role.execution.id
  policy = data.aws_iam_policy_document.read_database_secret.json
}

# Task role: what the services' code may call: only SNS, to publish stock events (stock-events.tf).
resource "aws_iam_role" "task" {
  name_prefix        = "${var.name_prefix}-stockwiz-task-"
  description        = "${var.name_prefix}-stockwiz: the inventory service publishes stock events"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}
