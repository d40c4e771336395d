#!/usr/bin/env python3
"""Synthetic compose files for benchmarks: N services in a depends_on chain, each naming the
previous one in an environment URL (env references), every tenth with replicas, a datastore
every fifty services. Usage: gen_compose.py N > compose.yaml"""
import sys

n = int(sys.argv[1])
out = ["name: synthetic", "services:"]
for i in range(n):
    out.append(f"  svc{i}:")
    if i % 50 == 49:
        out.append("    image: postgres:16")
        out.append("    volumes:")
        out.append(f"      - data{i}:/var/lib/postgresql/data")
    else:
        out.append(f"    image: ghcr.io/acme/svc{i}:1.0.{i % 7}")
        out.append("    restart: unless-stopped")
        if i % 10 == 0:
            out.append("    deploy:")
            out.append("      replicas: 2")
        if i > 0:
            out.append("    depends_on:")
            out.append(f"      - svc{i - 1}")
            out.append("    environment:")
            out.append(f"      UPSTREAM_URL: http://svc{i - 1}:8080/api")
            out.append("      LOG_LEVEL: info")
        out.append("    ports:")
        out.append(f"      - \"{10000 + i}:8080\"")
out.append("volumes:")
for i in range(n):
    if i % 50 == 49:
        out.append(f"  data{i}:")
if n < 50:
    out.append("  {}")
print("\n".join(out))
