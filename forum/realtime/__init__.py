"""Socket.IO: connection auth, room subscriptions, listeners that emit after commit."""
