//! The key-value store of a multi-process run (issue 23, item 6) over real
//! TCP sockets, and a real CPU-plugin client created with its callbacks.

use dpxla_pjrt::runtime::kv_store::KvFailure;
use dpxla_pjrt::runtime::{CompileOptions, KvClient, KvServer, PluginQuery};
use std::sync::Arc;
use std::time::{Duration, Instant};

fn client_of(server: &KvServer) -> KvClient {
    KvClient::new(&server.addr().to_string(), Duration::from_secs(5)).unwrap()
}

#[test]
fn two_processes_meet_through_the_store_and_a_get_waits_for_the_put() {
    let server = KvServer::start("127.0.0.1:0").unwrap();
    let addr = server.addr().to_string();
    // Each "process" has its own client and connections; process 1 asks for
    // process 0's value before it exists.
    let handles: Vec<_> = (0..2)
        .map(|i| {
            let addr = addr.clone();
            std::thread::spawn(move || {
                let kv = KvClient::new(&addr, Duration::from_secs(5)).unwrap();
                if i == 0 {
                    std::thread::sleep(Duration::from_millis(300));
                }
                kv.put(&format!("hello/{i}"), format!("from {i}").as_bytes())
                    .unwrap();
                let other = kv.get(&format!("hello/{}", 1 - i), Duration::from_secs(5));
                String::from_utf8(other.unwrap()).unwrap()
            })
        })
        .collect();
    let got: Vec<String> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    assert_eq!(got, vec!["from 1".to_string(), "from 0".to_string()]);
    let kv = client_of(&server);
    assert_eq!(
        kv.try_get("hello/0").unwrap().as_deref(),
        Some(&b"from 0"[..])
    );
    assert_eq!(kv.try_get("nobody").unwrap(), None);
    // The same value again is fine; a different one is refused.
    kv.put("hello/0", b"from 0").unwrap();
    let e = kv.put("hello/0", b"changed").unwrap_err();
    assert_eq!(e.failure, KvFailure::Conflict);
    assert!(
        e.message.contains("already holds a different value"),
        "{}",
        e.message
    );
}

#[test]
fn a_get_nobody_answers_times_out_with_a_clear_error() {
    let server = KvServer::start("127.0.0.1:0").unwrap();
    let kv = client_of(&server);
    let t = Instant::now();
    let e = kv
        .get("dpxla/topology/1", Duration::from_millis(250))
        .unwrap_err();
    let waited = t.elapsed();
    assert_eq!(e.failure, KvFailure::Timeout);
    assert!(
        waited >= Duration::from_millis(250) && waited < Duration::from_secs(5),
        "{waited:?}"
    );
    assert!(
        e.message.contains("dpxla/topology/1") && e.message.contains("0.2 s"),
        "{}",
        e.message
    );
    // Converted to a dpxla error, the message is kept.
    let err: dpxla_pjrt::Error = e.into();
    assert!(err.to_string().contains("no process put"), "{err}");
}

#[test]
fn a_client_that_starts_before_the_server_waits_for_it_and_none_is_unavailable() {
    // A free port, released so the server can take it later.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let addr = format!("127.0.0.1:{port}");
    let early = {
        let addr = addr.clone();
        std::thread::spawn(move || {
            let kv = KvClient::new(&addr, Duration::from_secs(10)).unwrap();
            kv.get("seed", Duration::from_secs(10))
        })
    };
    std::thread::sleep(Duration::from_millis(300));
    let server = KvServer::start(&addr).unwrap();
    client_of(&server)
        .put("seed", &42u64.to_le_bytes())
        .unwrap();
    assert_eq!(early.join().unwrap().unwrap(), 42u64.to_le_bytes());
    drop(server);
    // Nobody listens any more: a short connect timeout gives a clear error.
    let kv = KvClient::new(&addr, Duration::from_millis(200)).unwrap();
    let e = kv.try_get("seed").unwrap_err();
    assert_eq!(e.failure, KvFailure::Unavailable);
    assert!(e.message.contains("cannot connect"), "{}", e.message);
}

#[test]
fn a_cpu_client_created_with_the_store_callbacks_runs_programs_with_launch_ids() {
    // The CPU plugin ignores the callbacks (docs/scale.md), but it must accept
    // a create-args struct that carries them, and executions with non-zero
    // launch ids.
    let server = KvServer::start("127.0.0.1:0").unwrap();
    let kv = Arc::new(client_of(&server));
    let client = PluginQuery::cpu().client_distributed(&[], kv).unwrap();
    assert!(client.is_distributed());
    let mlir = r#"
func.func @main(%x: tensor<3xf32>) -> tensor<3xf32> {
  %y = stablehlo.add %x, %x : tensor<3xf32>
  return %y : tensor<3xf32>
}"#;
    let exe = client.compile(mlir, &CompileOptions::default()).unwrap();
    for step in [1u64, 2] {
        client.begin_launch_step(step);
        let x = client
            .buffer_from_vec(vec![1.0f32, 2.0, 3.0], &[3], 0)
            .unwrap();
        let y = exe.execute(&[&x]).unwrap();
        assert_eq!(y[0].to_host::<f32>().unwrap(), vec![2.0, 4.0, 6.0]);
    }
}
