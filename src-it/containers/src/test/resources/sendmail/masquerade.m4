dnl The fix an administrator adds to /etc/mail/sendmail.mc, before MAILER_DEFINITIONS: the host's
dnl real name (EHLO, Message-Id, Received), and the sending domain for local addresses, in the
dnl envelope too.
define(`confDOMAIN_NAME', `mail.sample.co.jp')dnl
MASQUERADE_AS(`sample.co.jp')dnl
FEATURE(`masquerade_envelope')dnl
MASQUERADE_DOMAIN(`localhost')dnl
MASQUERADE_DOMAIN(`localhost.localdomain')dnl
