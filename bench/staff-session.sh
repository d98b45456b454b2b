# Sourced by the staff benchmarks: signs in to a local portal as a browser would (the login
# form's CSRF token, then the form post) and opens one page to check the account may.
#
#   source bench/staff-session.sh
#   cookie="$(staff_session "$base_url" "$user" "$password" /mod/review)"
staff_session() {
  local base_url="$1" user="$2" password="$3" page="$4" jar token cookie status
  case "$base_url" in
  http://127.0.0.1:* | http://localhost:*) ;;
  *) echo "BASE_URL must be on 127.0.0.1 or localhost" >&2; return 2 ;;
  esac
  jar="$(mktemp)"
  token="$(curl -s -c "$jar" "$base_url/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)"
  curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "username=$user" \
    --data-urlencode "password=$password" --data-urlencode "_csrf=$token" "$base_url/login"
  cookie="$(awk '$6 == "SESSION" || $6 == "JSESSIONID" { print $6 "=" $7 }' "$jar" | head -1)"
  rm -f "$jar"
  status="$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base_url$page")"
  [ "$status" = 200 ] || { echo "could not open $page as $user (HTTP $status)" >&2; return 1; }
  printf '%s' "$cookie"
}
