import { describe, expect, it } from 'vitest';
import { confirmedValue } from '../../content/facts/confirmed-value.ts';

// The facts base vouching for a card's answer: the value Kubernetes gives the subject the card shows.
describe('confirmedValue: a value Kubernetes gives the subject on show', () => {
  it('confirms a component port, the NodePort range, a CNI path and the default Service CIDR (en, ko)', () => {
    expect(confirmedValue('`6443`', 'API-Server Ports to open')).toBe('port.kube-apiserver');
    expect(confirmedValue('30000 ~ 32767', 'NodePort 포트 범위')).toBe('range.nodeport');
    expect(confirmedValue('/opt/cni/bin/', '--cni-bin-dir=[...]')).toBe('path.cni-bin');
    expect(confirmedValue('10.96.0.0/12', '서비스 CIDR 기본값')).toBe('cidr.service-default');
  });

  it('confirms nothing without its subject on show, or for a value another subject owns', () => {
    expect(confirmedValue('30000-32767', '[...] (Services)')).toBeNull();
    expect(confirmedValue('6443', 'kubelet')).toBeNull();
    expect(confirmedValue('/etc/cni/net.d', '--cni-bin-dir=[...]')).toBeNull();
    expect(confirmedValue('a web server', 'API-Server')).toBeNull();
  });

  it("reads etcd's ports by the role said beside them (en, ko)", () => {
    expect(confirmedValue('2379', 'etcd clients')).toBe('port.etcd');
    expect(confirmedValue('2380', 'etcd clients')).toBeNull();
    expect(confirmedValue('2380', 'etcd 피어 통신')).toBe('port.etcd');
    expect(confirmedValue('2380', 'etcd 클라이언트')).toBeNull();
  });
});
