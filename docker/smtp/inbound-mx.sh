# boky/postfix runs the *.sh files of /docker-init.d/ at the end of its set-up, before Postfix starts (its
# README, "Extending the image"); docker/compose.yaml mounts this one there.
#
# Port 25 (the service "smtp" of master.cf) is the bounce domain's MX, published to the internet. The image's
# own rules suit the submission port 587, which only LorKit and Keycloak reach: they trust the private networks
# and let the sender domains of ALLOWED_SENDER_DOMAINS relay anywhere. On port 25 those rules are replaced:
# it trusts no network (a port Docker publishes can show an outside client with a private address), takes
# mail from any sender (bounces come from <>) but only for relay_domains (the bounce domain) and only for the
# addresses of relay_recipient_maps (bounces+...@), so it relays nothing, and it signs nothing (no DKIM milter
# for mail from outside). Mail over 10 MB is refused: a bounce quotes at most the message LorKit sent.
postconf -P \
    "smtp/inet/smtpd_client_restrictions=permit" \
    "smtp/inet/smtpd_helo_restrictions=reject_invalid_helo_hostname" \
    "smtp/inet/smtpd_sender_restrictions=permit" \
    "smtp/inet/smtpd_relay_restrictions=reject_unauth_destination" \
    "smtp/inet/smtpd_recipient_restrictions=reject_non_fqdn_recipient,reject_unlisted_recipient" \
    "smtp/inet/receive_override_options=no_milters" \
    "smtp/inet/message_size_limit=10240000"
