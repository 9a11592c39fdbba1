# Issue 17: the stage's stock events (levels that ran low, ran out or were restocked), published
# by the inventory service (STOCK_EVENTS_TOPIC_ARN) with the task role.
resource "aws_kms_key" "stock_events" {
  description         = "Encrypts the ${var.name_prefix}-stock-events topic"
  enable_key_rotation = true
}

resource "aws_sns_topic" "stock_events" {
  name              = "${var.name_prefix}-stock-events"
  kms_master_key_id = aws_kms_key.stock_events.arn
}

data "aws_iam_policy_document" "publish_stock_events" {
  statement {
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.stock_events.arn]
  }
  statement {
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = [aws_kms_key.stock_events.arn]
  }
}

resource "aws_iam_role_policy" "task_publish_stock_events" {
  name   = "publish-stock-events"
  role   = aws_iam_role.task.id
  policy = data.aws_iam_policy_document.publish_stock_events.json
}

# HTTPS only, as the SST stack's enforceSSL has it.
data "aws_iam_policy_document" "stock_events_https_only" {
  statement {
    sid       = "HttpsOnly"
    effect    = "Deny"
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.stock_events.arn]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_sns_topic_policy" "stock_events" {
  arn    = aws_sns_topic.stock_events.arn
  policy = data.aws_iam_policy_document.stock_events_https_only.json
}
