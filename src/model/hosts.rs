//! Host names inside environment values and command-line arguments (`http://orders:8080`,
//! `-DSN=u@tcp(db:3306)/x`): plain text parsing shared by the loaders and the service graph.
//! It knows no services and builds no edges.

/// Host names an environment value points at: `db`, `db:5432`, `http://orders:8080/x`,
/// `postgres://u:p@db:5432/x`, `kafka:9092,zk:2181`. Only the host part is returned.
pub fn referenced_hosts(value: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for token in value.split([',', ';', ' ', '\t', '\n']) {
        let mut t = token.trim();
        if t.is_empty() {
            continue;
        }
        if let Some(i) = t.find("://") {
            t = &t[i + 3..];
        }
        // userinfo ends at the last '@' before the path
        let end_of_authority = t.find(['/', '?', '#']).unwrap_or(t.len());
        let authority = &t[..end_of_authority];
        let host_port = match authority.rfind('@') {
            Some(i) => &authority[i + 1..],
            None => authority,
        };
        let host = host_port.split(':').next().unwrap_or("");
        if !host.is_empty()
            && host
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.')
            && host.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
        {
            out.push(host);
        }
    }
    out
}

/// Hosts named as `host:port` inside command-line arguments
/// (`-DSN=user@tcp(catalogue-db:3306)/db`, `--broker=kafka:9092`).
pub fn hosts_in_args(arg: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for token in
        arg.split(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ':')))
    {
        if let Some((host, port)) = token.split_once(':') {
            let port_ok = !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit());
            if port_ok && host.bytes().next().is_some_and(|b| b.is_ascii_alphabetic()) {
                out.push(host);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_in_values() {
        assert_eq!(referenced_hosts("postgres"), vec!["postgres"]);
        assert_eq!(referenced_hosts("http://orders:8080/api"), vec!["orders"]);
        assert_eq!(referenced_hosts("postgres://u:p@db:5432/x"), vec!["db"]);
        assert_eq!(referenced_hosts("kafka:9092,zk:2181"), vec!["kafka", "zk"]);
        assert!(referenced_hosts("8080").is_empty());
        assert!(referenced_hosts("/var/lib").is_empty());
        assert_eq!(
            hosts_in_args("-DSN=u:p@tcp(catalogue-db:3306)/socksdb"),
            vec!["catalogue-db"]
        );
        assert!(hosts_in_args("--port=8080").is_empty());
    }
}
