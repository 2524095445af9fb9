/**
 * A start the service refuses for a reason an operator can act on (a folder in use or not this
 * service's, a port taken): its message is the one line printed, without a stack trace
 * (audit.md D2, D4, D5). Anything else that stops the service is unexpected and says so.
 */
export class StartupRefusal extends Error {}
