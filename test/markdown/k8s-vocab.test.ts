import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  isEnumValue,
  isExampleValue,
  isMeaningfulValue,
  isOutdatedApiVersion,
  termHits,
} from '../../content/markdown/select/vocab.ts';

const ROOT = join(import.meta.dirname, '..', '..');

describe('the Kubernetes vocabulary the card selection reads', () => {
  it('is what scripts/gen-k8s-vocab.mjs derives from the committed schemas', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'gen-k8s-vocab.mjs'), '--check'], {
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('tells a fact from an example: a component port or path from a port or name picked for one example', () => {
    expect(isMeaningfulValue('6443')).toBe(true);
    expect(isMeaningfulValue('30000-32767')).toBe(true);
    expect(isMeaningfulValue('/etc/cni/net.d')).toBe(true);
    expect(isMeaningfulValue('web.shop.svc.cluster.local')).toBe(true);
    expect(isExampleValue('8000')).toBe(true);
    expect(isExampleValue('web-pod')).toBe(true);
    expect(isExampleValue('10.20.136.210')).toBe(true);
    expect(isExampleValue('www.example.com/watch')).toBe(true);
    expect(isExampleValue('10.96.0.0/12')).toBe(false);
    expect(isExampleValue('dry-run')).toBe(false);
  });

  it('reads an apiVersion Kubernetes serves and a system path as facts, not as an example host or file', () => {
    expect(isExampleValue('networking.k8s.io/v1')).toBe(false);
    expect(isExampleValue('gateway.networking.k8s.io/v1')).toBe(false);
    expect(isExampleValue('/etc/network/interfaces')).toBe(false);
    expect(isMeaningfulValue('/etc/network/interfaces')).toBe(true);
    expect(isMeaningfulValue('/proc/sys/net/ipv4/ip_local_port_range')).toBe(true);
    expect(isMeaningfulValue('/tmp/backup.db')).toBe(false);
    expect(isMeaningfulValue('/var/lib/etcd-from-backup')).toBe(false);
    expect(isExampleValue('/var/log/syslog')).toBe(false);
    // A made-up group, a file in one user's folder and a host under `.io` are still an example's.
    expect(isExampleValue('shop.example.io/v1')).toBe(true);
    expect(isExampleValue('/tmp/backup.db')).toBe(true);
    expect(isExampleValue('./specs/web.yaml')).toBe(true);
    expect(isExampleValue('demo.k8s.io')).toBe(true);
  });

  it('knows terms in English and Korean, enum values from the schemas, and apiVersions no longer served', () => {
    expect(termHits('서비스와 파드')).toBe(2);
    expect(termHits('the kube-proxy programs iptables')).toBe(2);
    // A kind spelled apart is still the kind: "replication controller", "network policy".
    expect(termHits('deployment, replication controller')).toBe(2);
    expect(termHits('a network policy selects pods')).toBe(1);
    expect(isEnumValue('PathPrefix')).toBe(true);
    expect(isEnumValue('ClusterIP')).toBe(true);
    expect(isOutdatedApiVersion('Ingress', 'extensions/v1beta1')).toBe(true);
    expect(isOutdatedApiVersion('Ingress', 'networking.k8s.io/v1')).toBe(false);
  });
});
