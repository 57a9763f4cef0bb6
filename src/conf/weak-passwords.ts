/**
 * Passwords found first by Redis brute-forcers: defaults from redis.conf examples ("foobared"),
 * Docker images and tutorials, and the top of leaked-password lists. Compared lower-cased.
 */
export const wellKnownPasswords = new Set([
  'foobared', 'redis', 'redispass', 'redispassword', 'redis123', 'password', 'password1', 'password123', 'passw0rd', 'pass', 'secret',
  'changeme', 'change-me', 'admin', 'admin123', 'root', 'toor', 'default', 'test', 'test123', 'guest', '123456', '12345678',
  '123456789', '1234567890', 'qwerty', 'letmein', 'welcome', 'iloveyou', 'abc123', 'master', 'mypassword', 'yourpassword',
  'your_password', 'supersecret', 'p@ssw0rd', 'bitnami', 'sOmE_sEcUrE_pAsS', 'eYVX7EwVmmxKPCDmwMtyKVge8oLd2t81',
]);
