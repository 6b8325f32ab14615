import { ServiceEntity } from '../services/service.entity';
import { LocationEntity } from './location.entity';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Weekday } from '@partneratlas/shared';

/** HSDS `schedule`: one weekly opening-hours row of a location (or of a service at it). */
@Entity('schedule')
export class ScheduleEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column('uuid', { nullable: true })
  locationId: string | null;

  @ManyToOne(() => LocationEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'location_id' })
  location?: LocationEntity | null;

  @Index()
  @Column('uuid', { nullable: true })
  serviceId: string | null;

  @ManyToOne(() => ServiceEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'service_id' })
  service?: ServiceEntity | null;

  @Column({ type: 'enum', enum: Weekday, enumName: 'weekday' })
  byday: Weekday;

  @Column('time', { nullable: true })
  opensAt: string | null;

  @Column('time', { nullable: true })
  closesAt: string | null;

  @Column('text', { nullable: true })
  description: string | null;
}
