#!/usr/bin/env bash
# Makes the certificates of a cluster's mutual TLS (Allo:Cluster:Tls): one certificate authority of the cluster's
# own, then one certificate and key per node, signed by it. Run it on an administrator's machine, copy to each node
# its own .pem/.key and ca.pem (never ca.key), and keep ca.key offline to add nodes later.
#   tools/cluster-certificates.sh FOLDER NODE...    e.g. tools/cluster-certificates.sh certs silo-1 silo-2 web-1 web-2
# An existing authority in FOLDER is reused, so running it again with a new name adds a node.
set -euo pipefail

if (($# < 2)); then
  echo "usage: $0 FOLDER NODE..." >&2
  exit 64
fi

folder="$1"
shift
mkdir -p "$folder"
chmod 700 "$folder"
umask 077

if [[ ! -f "$folder/ca.key" ]]; then
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 3650 \
    -subj "/O=AlloIndustrie/CN=AlloIndustrie cluster authority" \
    -addext "basicConstraints=critical,CA:TRUE,pathlen:0" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -keyout "$folder/ca.key" -out "$folder/ca.pem" 2>/dev/null
fi

for node in "$@"; do
  if [[ ! "$node" =~ ^[a-z0-9][a-z0-9.-]{0,62}$ ]]; then
    echo "$0: '$node' is not a node name (lower-case letters, digits, dots and dashes)" >&2
    exit 65
  fi
  extensions="$(mktemp)"
  trap 'rm -f "$extensions"' EXIT
  printf '%s\n' "basicConstraints=critical,CA:FALSE" "keyUsage=critical,digitalSignature" \
    "extendedKeyUsage=serverAuth,clientAuth" "subjectAltName=DNS:alloindustrie-cluster,DNS:$node" >"$extensions"
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/O=AlloIndustrie/CN=$node" \
    -keyout "$folder/$node.key" -out "$folder/$node.csr" 2>/dev/null
  openssl x509 -req -in "$folder/$node.csr" -CA "$folder/ca.pem" -CAkey "$folder/ca.key" -CAcreateserial \
    -days 825 -extfile "$extensions" -out "$folder/$node.pem" 2>/dev/null
  rm -f "$folder/$node.csr" "$extensions"
  echo "$folder/$node.pem $folder/$node.key"
done
