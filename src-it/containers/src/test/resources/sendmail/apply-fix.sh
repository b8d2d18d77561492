#!/bin/sh
# Edits /etc/mail/sendmail.mc as an administrator would (the fix goes before MAILER_DEFINITIONS)
# and rebuilds sendmail.cf from it, as `make -C /etc/mail` does.
set -eu
cd /etc/mail
{
  sed '/^MAILER_DEFINITIONS/,$d' sendmail.mc
  cat /srv/shop/masquerade.m4
  sed -n '/^MAILER_DEFINITIONS/,$p' sendmail.mc
} > sendmail.mc.fixed
mv sendmail.mc.fixed sendmail.mc
m4 sendmail.mc > sendmail.cf
