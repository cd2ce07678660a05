//! A small static file server for the demo and the tests (std only, loopback only).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};

use crate::root;

/// How the server behaves.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// Send `.wasm` as `application/octet-stream`, as some real servers do.
    pub wasm_octet_stream: bool,
    /// Send no `Access-Control-Allow-Origin`, so other origins may not read what it serves.
    pub no_cors: bool,
}

/// Serves the repository on 127.0.0.1:`port` (0 picks a free port), calling `ready` with the
/// base URL once listening. Never returns unless binding fails.
pub fn serve(port: u16, options: Options, ready: impl FnOnce(&str)) -> Result<(), String> {
    let listener = TcpListener::bind(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    ready(&format!("http://{addr}/"));
    let root = root();
    for stream in listener.incoming().flatten() {
        let root = root.clone();
        std::thread::spawn(move || {
            let _ = handle(stream, &root, options);
        });
    }
    Ok(())
}

/// Starts [`serve`] on a free port in a background thread and returns its base URL.
pub fn spawn(options: Options) -> Result<String, String> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let result = serve(0, options, |url| {
            let _ = tx.send(Ok(url.to_owned()));
        });
        if let Err(e) = result {
            let _ = tx.send(Err(e));
        }
    });
    rx.recv().map_err(|e| e.to_string())?
}

fn content_type(path: &Path, options: Options) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "xhtml" => "application/xhtml+xml",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "wasm" if options.wasm_octet_stream => "application/octet-stream",
        "wasm" => "application/wasm",
        "md" | "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let (Some(hi), Some(lo)) = (hex(bytes[i + 1]), hex(bytes[i + 2]))
        {
            out.push((hi * 16 + lo) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn handle(mut stream: TcpStream, root: &Path, options: Options) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let mut headers = String::new();
    while reader.read_line(&mut headers)? > 2 {
        headers.clear();
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let path = percent_decode(target.split(['?', '#']).next().unwrap_or("/"));
    let mut file: PathBuf = root.to_path_buf();
    for component in Path::new(path.trim_start_matches('/')).components() {
        match component {
            Component::Normal(c) => file.push(c),
            _ => {
                return respond(
                    &mut stream,
                    "403 Forbidden",
                    "text/plain",
                    b"forbidden",
                    method,
                    options,
                );
            }
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    match std::fs::File::open(&file) {
        Ok(mut f) => {
            let mut body = Vec::new();
            f.read_to_end(&mut body)?;
            respond(
                &mut stream,
                "200 OK",
                content_type(&file, options),
                &body,
                method,
                options,
            )
        }
        Err(_) => respond(
            &mut stream,
            "404 Not Found",
            "text/plain",
            b"not found",
            method,
            options,
        ),
    }
}

fn respond(
    stream: &mut TcpStream,
    status: &str,
    kind: &str,
    body: &[u8],
    method: &str,
    options: Options,
) -> std::io::Result<()> {
    let cors = if options.no_cors {
        ""
    } else {
        "Access-Control-Allow-Origin: *\r\n"
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\n\
         {cors}Connection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    if method != "HEAD" {
        stream.write_all(body)?;
    }
    stream.flush()
}
