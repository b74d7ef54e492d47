#!/usr/bin/env bash
# Writes the AppHost's deployment description (Aspire's manifest) to artifacts/manifest/aspire-manifest.json and checks
# it: every resource is there with its type, PostgreSQL and RabbitMQ are containers of the platform's images (never the
# local processes, whose paths and ports mean nothing elsewhere), and each service references what it uses.
# Needs a built AppHost (dotnet build). docs/deployment.md says how the manifest maps to a deployment.
set -euo pipefail
cd "$(dirname "$0")/.."
output=artifacts/manifest/aspire-manifest.json
mkdir -p "$(dirname "$output")"
dotnet run --project AppHost --no-build --no-launch-profile -- --publisher manifest --output-path "../$output" >/dev/null
python3 - "$output" <<'PY'
import json, sys
resources = json.load(open(sys.argv[1]))["resources"]
problems = []
def expect(condition, message):
    if not condition:
        problems.append(message)
services = {"intake": "intakedb", "routing": "routingdb", "handling": "handlingdb", "supervision": "supervisiondb",
            "notification": "notificationdb", "identity": "identitydb", "audit": "auditdb"}
databases = list(services.values())
expect(resources.get("postgres", {}).get("type") == "container.v0", "postgres is not a container")
expect("petitionplatform/postgres" in resources.get("postgres", {}).get("image", ""), "postgres does not run the platform's image")
expect(resources.get("messaging", {}).get("type") == "container.v0", "messaging is not a container")
expect("petitionplatform/rabbitmq" in resources.get("messaging", {}).get("image", ""), "messaging does not run the platform's image")
expect(not [n for n, r in resources.items() if r["type"] == "executable.v0"], "an executable resource is published")
for server, path in [("postgres", "/var/lib/postgresql/data"), ("messaging", "/var/lib/rabbitmq")]:
    expect(any(v.get("target") == path for v in resources.get(server, {}).get("volumes", [])), f"{server} keeps no data volume at {path}")
for secret in ["postgres-password", "messaging-password", "personal-data-key", "personal-data-hash-key", "receipt-sealing-key",
               "signing-keys-key", "identity-operator-secret"]:
    expect(resources.get(secret, {}).get("inputs", {}).get("value", {}).get("secret") is True, f"{secret} is not a secret parameter")
for database in databases:
    expect(resources.get(database, {}).get("connectionString") == "{postgres.connectionString};Database=" + database, f"{database} is not a database of postgres")
for service, database in services.items():
    env = resources.get(service, {}).get("env", {})
    expect(resources.get(service, {}).get("type") == "project.v0", f"{service} is not a project")
    expect(env.get(f"ConnectionStrings__{database}") == "{" + database + ".connectionString}", f"{service} does not reference {database}")
    expect(env.get("ConnectionStrings__messaging") == "{messaging.connectionString}", f"{service} does not reference messaging")
    expect("ASPNETCORE_ENVIRONMENT" not in env, f"{service} is published with an environment of its own")
for service in ["intake", "handling", "supervision", "identity"]:
    expect(resources.get(service, {}).get("env", {}).get("services__routing__http__0") == "{routing.bindings.http.url}", f"{service} does not reference routing")
intake_env = resources.get("intake", {}).get("env", {})
expect(intake_env.get("PersonalData__Keys__local1") == "{personal-data-key.value}", "intake does not get its personal-data key")
expect(intake_env.get("PersonalData__HashKey") == "{personal-data-hash-key.value}", "intake does not get its hash key")
for service in ["intake", "notification"]:
    expect(resources.get(service, {}).get("env", {}).get("ReceiptSealing__Keys__local1") == "{receipt-sealing-key.value}", f"{service} does not get the receipt-sealing key")
for service in ["routing", "handling", "supervision", "gateway", "identity", "audit"]:
    expect(not [k for k in resources.get(service, {}).get("env", {}) if k.startswith(("PersonalData", "ReceiptSealing"))], f"{service} gets personal-data keys")
for service in ["intake", "routing", "handling", "supervision", "notification", "audit", "gateway"]:
    expect(resources.get(service, {}).get("env", {}).get("services__identity__http__0") == "{identity.bindings.http.url}", f"{service} cannot read the token service's keys")
identity_env = resources.get("identity", {}).get("env", {})
expect(identity_env.get("SigningKeys__Keys__local1") == "{signing-keys-key.value}", "identity does not get the key that seals its signing keys")
expect(identity_env.get("Identity__OperatorSecret") == "{identity-operator-secret.value}", "identity does not get the operators' secret")
expect("Identity__DemoClients" not in identity_env, "a published identity seeds the demo clients")
gateway = resources.get("gateway", {})
for service in services:
    expect(gateway.get("env", {}).get(f"services__{service}__http__0") == "{" + service + ".bindings.http.url}", f"the gateway does not reference {service}")
expect(gateway.get("bindings", {}).get("http", {}).get("external") is True, "the gateway is not the external entry")
expect(not [n for n, r in resources.items() if r.get("bindings", {}).get("http", {}).get("external") and n != "gateway"], "a service other than the gateway is external")
if problems:
    print("Manifest check failed:", *problems, sep="\n  ")
    sys.exit(1)
print(f"Manifest check passed: {len(resources)} resources in {sys.argv[1]}")
PY
