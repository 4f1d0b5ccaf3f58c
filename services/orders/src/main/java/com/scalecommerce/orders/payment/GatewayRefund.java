package com.scalecommerce.orders.payment;

record GatewayRefund(String gatewayRefundId, long amount, String status) {}
